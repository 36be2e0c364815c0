package dev.jita.platform;

/**
 * Published inside the transaction that creates a workspace, so that other modules can set up what a
 * workspace needs in the same transaction.
 */
public record WorkspaceCreated(String organizationId, String workspaceId) {
}
