package de.sozialmonitor.privacy;

/** An area as published: code, name, level, parent and hierarchy depth (root territory = 0). */
public record AreaInfo(String code, String name, String level, String parentCode, int depth) {
}
