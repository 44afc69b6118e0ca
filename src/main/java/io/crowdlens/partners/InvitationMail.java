package io.crowdlens.partners;

import io.crowdlens.security.IssuedLink;
import io.crowdlens.security.LinkPurpose;
import java.time.format.DateTimeFormatter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Mails one-time links when SMTP is configured ({@code spring.mail.host}); without it, or when
 * sending fails, the administrator is shown the link to pass on instead.
 */
@Component
class InvitationMail {

    private static final Logger log = LoggerFactory.getLogger(InvitationMail.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (xxx)");

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    InvitationMail(ObjectProvider<JavaMailSender> mail, @Value("${crowdlens.mail.from:crowdlens@localhost}") String from) {
        this.mail = mail;
        this.from = from;
    }

    /** True when the link went out by mail. */
    boolean send(IssuedLink link, String displayName, String organisationName) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return false;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(link.username());
        boolean invitation = link.purpose() == LinkPurpose.INVITATION;
        message.setSubject(invitation ? "Your CrowdLens account" : "Reset your CrowdLens password");
        message.setText("Hello " + displayName + ",\n\n"
                + (invitation ? "an account has been set up for you in CrowdLens for " + organisationName + "."
                        : "a new password has been requested for your CrowdLens account.")
                + "\n\nOpen this link to choose your password (it works once, until "
                + WHEN.format(link.expiresAt()) + "):\n\n" + link.url()
                + "\n\nIf you did not expect this message, you can ignore it.\n");
        try {
            sender.send(message);
            log.info("Mailed a {} link to {}", link.purpose(), link.username());
            return true;
        } catch (MailException e) {
            log.warn("Could not mail a {} link to {}: {}", link.purpose(), link.username(), e.getMessage());
            return false;
        }
    }
}
