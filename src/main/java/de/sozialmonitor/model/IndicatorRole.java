package de.sozialmonitor.model;

/** Attention indicators form the index; profile indicators only describe the area. */
public enum IndicatorRole {
    ATTENTION("attention"),
    PROFILE("profile");

    private final String configName;

    IndicatorRole(String configName) {
        this.configName = configName;
    }

    public String configName() {
        return configName;
    }

    public static IndicatorRole fromConfig(String name) {
        for (IndicatorRole r : values()) {
            if (r.configName.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("role must be attention or profile, was '" + name + "'");
    }
}
