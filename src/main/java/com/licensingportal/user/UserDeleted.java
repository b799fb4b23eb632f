package com.licensingportal.user;

/**
 * Published when a user is deleted, inside the deleting transaction (a plain {@code @EventListener} runs in it):
 * whoever is still logged in as them is logged out on every node ({@code security}).
 */
public record UserDeleted(Long userId, String email) {
}
