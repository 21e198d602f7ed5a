package de.sozialmonitor.model;

/** Status classes after METHOD.md section 3; the code names are a public contract of the exports. */
public enum StatusClass {
    HOCH("hoch"),
    MITTEL("mittel"),
    NIEDRIG("niedrig"),
    SEHR_NIEDRIG("sehr_niedrig");

    private final String code;

    StatusClass(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static StatusClass fromCode(String code) {
        for (StatusClass c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown status class '" + code + "'");
    }
}
