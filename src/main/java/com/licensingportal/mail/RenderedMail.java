package com.licensingportal.mail;

/** One email as its template rendered it. */
public record RenderedMail(String subject, String text, String html) {
}
