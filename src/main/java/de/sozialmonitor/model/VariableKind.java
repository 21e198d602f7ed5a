package de.sozialmonitor.model;

/**
 * What a delivered number of a variable is, which decides how it is validated and combined
 * (METHOD.md section 1; docs/import.md "Kinds of variables").
 */
public enum VariableKind {
    /** A number of persons, households, cases: never negative; areas without their own count get their children's sum. */
    COUNT("count"),
    /** A signed count such as net migration: may be negative; summed like a count. */
    BALANCE("balance"),
    /** A share of a whole in a stated unit (%): 0 to 100 in percent; never summed. */
    SHARE("share"),
    /** A rate per some base in a stated unit (per 1,000 inhabitants): never negative; never summed. */
    RATE("rate"),
    /** The change of a share or rate over a number of years, in points of its unit: may be negative; never summed. */
    CHANGE("change");

    private final String configName;

    VariableKind(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    /** True for counts and balances: an area without its own figure gets the sum of its children's. */
    public boolean additive() {
        return this == COUNT || this == BALANCE;
    }

    /** True if a negative figure is a delivery error. */
    public boolean nonNegative() {
        return this == COUNT || this == SHARE || this == RATE;
    }

    public static VariableKind fromConfig(String name) {
        for (VariableKind k : values()) {
            if (k.configName.equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("kind must be count, balance, share, rate or change, was '" + name + "'");
    }
}
