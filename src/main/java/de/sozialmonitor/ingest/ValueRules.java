package de.sozialmonitor.ingest;

import de.sozialmonitor.model.Variable;
import de.sozialmonitor.model.VariableKind;

/**
 * What a delivered number may be, by the kind of its variable: a count, a share or a rate is never
 * negative, a share in percent (per mille) never above 100 (1,000); a balance (net migration) and a
 * change may have either sign.
 */
final class ValueRules {
    private ValueRules() {
    }

    static boolean plausible(Variable v, double value) {
        return !(v.kind().nonNegative() && value < 0) && value <= v.upperBound();
    }

    /** Reports why {@code value} is no figure of {@code v}; call only when {@link #plausible} is false. */
    static void report(LoadContext ctx, Variable v, double value, String sheet, long row, String column, String raw) {
        if (value < 0) {
            String code = v.kind() == VariableKind.COUNT ? "negative_count" : "negative_value";
            ctx.error(code, sheet, row, column, raw, "value.negative." + v.kind().configName(), v.name());
        } else {
            ctx.error("share_above_whole", sheet, row, column, raw, "value.aboveWhole", v.name(), v.unit(),
                    ctx.texts.get("number.plain", v.upperBound()));
        }
    }
}
