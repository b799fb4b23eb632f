package com.licensingportal.user;

/**
 * Published when a user's password changes, inside that transaction (a plain {@code @EventListener} runs in it):
 * the personal access tokens made with the old one end ({@code token}) and the email's failed logins are
 * forgotten ({@code security}). If the change rolls back, so does what the listeners did.
 */
public record PasswordChanged(Long userId, String email) {
}
