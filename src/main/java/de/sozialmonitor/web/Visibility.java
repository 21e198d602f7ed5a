package de.sozialmonitor.web;

/**
 * "What may this user see": the one place that decides which results a role reads. Anonymous
 * visitors get the latest published release only; logged-in roles get the internal results.
 */
public interface Visibility {
    ResultScope scopeFor(Role role);
}
