package de.sozialmonitor.web;

/**
 * Who sends the current request and in which language: the role decides what the request may see
 * ({@code Pages.selection}); {@code csrfToken} goes into every form the page renders.
 */
public record Viewer(Role role, String username, String sessionId, String csrfToken, Texts texts) {
    public boolean loggedIn() {
        return role != Role.PUBLIC;
    }

    public String lang() {
        return texts.language();
    }
}
