package io.crowdlens.security;

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
 * Mails a self-service reset link when a mail host is configured ({@code spring.mail.host}). Sends
 * on a virtual thread, so that asking for a reset for an existing address takes no longer to answer
 * than for an unknown one (decision 032).
 */
@Component
class ResetLinkMail {

    private static final Logger log = LoggerFactory.getLogger(ResetLinkMail.class);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm (xxx)");

    private final ObjectProvider<JavaMailSender> mail;
    private final String from;

    ResetLinkMail(ObjectProvider<JavaMailSender> mail, @Value("${crowdlens.mail.from:crowdlens@localhost}") String from) {
        this.mail = mail;
        this.from = from;
    }

    boolean configured() {
        return mail.getIfAvailable() != null;
    }

    void sendLater(IssuedLink link, String displayName) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null) {
            return;
        }
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(link.username());
        message.setSubject("Reset your CrowdLens password");
        message.setText("Hello " + displayName + ",\n\n"
                + "someone (we hope you) asked to reset the password of your CrowdLens account.\n\n"
                + "Open this link to choose a new password (it works once, until " + WHEN.format(link.expiresAt())
                + "). Resetting also unlocks the account.\n\n" + link.url()
                + "\n\nIf you did not ask for this, ignore this message: your password stays as it is.\n");
        Thread.ofVirtual().name("reset-mail").start(() -> {
            try {
                sender.send(message);
                log.info("Mailed a self-service reset link to {}", link.username());
            } catch (MailException e) {
                log.warn("Could not mail a reset link to {}: {}", link.username(), e.getMessage());
            }
        });
    }
}
