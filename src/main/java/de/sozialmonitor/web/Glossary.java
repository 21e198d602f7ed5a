package de.sozialmonitor.web;

import static j2html.TagCreator.*;

import j2html.tags.DomContent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The three words a reader must understand, explained where they appear: Status, Dynamik and
 * Aufmerksamkeitsbedarf. In a text, the first mention of each becomes a button that opens a short
 * explanation (the HTML popover attribute: no script, closes with Escape or a tap elsewhere); the
 * explanations are rendered once per page by {@link Layout}, and in full on the method page.
 */
final class Glossary {
    /** The explained terms, in the order the method page lists them. */
    static final List<String> TERMS = List.of("status", "dynamics", "attention");

    private Glossary() {
    }

    /** The text of {@code key} with the first mention of each term as a popover button. */
    static DomContent explained(Texts t, String key, Object... args) {
        String text = t.get(key, args);
        List<int[]> spans = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (String term : TERMS) {
            Matcher m = Pattern.compile("(?<![\\p{L}-])" + Pattern.quote(t.get("glossary." + term + ".term")) + "(?![\\p{L}-])",
                    Pattern.UNICODE_CHARACTER_CLASS | Pattern.CASE_INSENSITIVE).matcher(text);
            if (m.find() && spans.stream().noneMatch(s -> m.start() < s[1] && s[0] < m.end())) {
                spans.add(new int[] {m.start(), m.end()});
                ids.add(term);
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < spans.size(); k++) {
            order.add(k);
        }
        order.sort((x, y) -> Integer.compare(spans.get(x)[0], spans.get(y)[0]));
        List<DomContent> parts = new ArrayList<>();
        int at = 0;
        for (int k : order) {
            int[] s = spans.get(k);
            parts.add(text(text.substring(at, s[0])));
            parts.add(button(text.substring(s[0], s[1])).withType("button").withClass("term")
                    .attr("popovertarget", "glossar-" + ids.get(k)).attr("aria-haspopup", "dialog"));
            at = s[1];
        }
        parts.add(text(text.substring(at)));
        return span(each(parts, x -> x));
    }

    /** The explanations as popovers, once per page. */
    static DomContent popovers(Texts t) {
        return div(each(TERMS, term -> div(
                        p(strong(t.get("glossary." + term + ".term"))),
                        p(t.get("glossary." + term + ".text")),
                        p(a(t.get("glossary.more")).withHref("/methode#begriffe")))
                        .withId("glossar-" + term).attr("popover", "auto").attr("role", "dialog")
                        .attr("aria-label", t.get("glossary." + term + ".term")).withClass("glossary-popover")))
                .withClass("glossary-popovers");
    }

    /** The explanations in full, for the method page. */
    static DomContent list(Texts t) {
        return dl(each(TERMS, term -> div(dt(t.get("glossary." + term + ".term")), dd(t.get("glossary." + term + ".text")))))
                .withClass("glossary-list");
    }
}
