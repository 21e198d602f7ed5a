package de.sozialmonitor.model;

/**
 * What another county's package (Frictionless Data Package of a published release, read by
 * {@code import package}) tells beside its county-level figures: which release it is and the
 * method it was computed with ({@code methodJson}: the package's {@code method.json}, with the
 * method parameters, the catalog and the public disclosure thresholds), for the comparison of
 * methods. The figures themselves are reference figures of the region {@code regionCode}.
 */
public record ReferencePackage(String regionCode, String name, int releaseNumber, String releaseTitle, int year,
                               String checksum, String publishedOn, boolean synthetic, String methodJson) {
}
