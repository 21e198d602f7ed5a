package de.sozialmonitor.web;

import java.util.Optional;

/**
 * "What may this user see": the one place that decides which results a role reads. Anonymous
 * visitors get the latest published release only; logged-in roles get the internal results.
 */
public interface Visibility {
    ResultScope scopeFor(Role role);

    /**
     * The release that {@code scope} is compared with in the early warning, read the way
     * {@code scope} is read (protected rows for the public, internal results otherwise): for a
     * published release, the published release before it, passing over releases that a later one
     * corrects; for internal results, the newest published release (what the public sees now).
     * The returned scope holds only that release's own year.
     */
    Optional<ResultScope> previousRelease(ResultScope scope);

    /** A published release as the public reads it (protected rows only); empty if it is not published. */
    Optional<ResultScope> publishedRelease(int number);

    /** The published releases, oldest first. */
    java.util.List<de.sozialmonitor.store.ReleaseRepository.ReleaseInfo> publishedReleases();
}
