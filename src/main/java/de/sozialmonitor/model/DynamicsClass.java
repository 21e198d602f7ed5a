package de.sozialmonitor.model;

/** Dynamics classes after METHOD.md section 4; the code names are a public contract of the exports. */
public enum DynamicsClass {
    POSITIV("positiv"),
    STABIL("stabil"),
    NEGATIV("negativ");

    private final String code;

    DynamicsClass(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static DynamicsClass fromCode(String code) {
        for (DynamicsClass c : values()) {
            if (c.code.equals(code)) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown dynamics class '" + code + "'");
    }
}
