package com.licensingportal.mail;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How the portal sends email ({@code portal.mail.*}).
 *
 * @param capture keep email at /dev/mailbox instead of sending it: the embedded default and demos only, since anyone
 * could read every password reset link there (PORTAL_MAIL_CAPTURE)
 * @param from the sender of every email: an address, with a name before it in angle brackets if wanted
 * (PORTAL_MAIL_FROM)
 */
@ConfigurationProperties("portal.mail")
@Validated
public record MailProperties(@DefaultValue("false") boolean capture, @NotBlank String from) {
}
