package io.crowdlens.partners;

import static org.assertj.core.api.Assertions.assertThat;

import io.crowdlens.security.Role;
import io.crowdlens.security.UserAccounts;
import io.crowdlens.testing.OnH2;
import io.crowdlens.testing.SignedIn;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Transactional;

/**
 * With SMTP configured, invitations go by mail and the administrator never sees the link; when
 * sending fails, the link is shown instead. The mail server is faked at the boundary: a
 * {@link JavaMailSender} that records what it is given (or refuses, to test the fallback).
 */
@OnH2
@Import(InvitationMailTest.FakeMailServer.class)
@TestPropertySource(properties = {"crowdlens.test.isolated-context=invitation-mail",
        "crowdlens.public-url=https://crowdlens.example.org", "crowdlens.mail.from=accounts@crowdlens.example.org"})
@Transactional
class InvitationMailTest {

    static final List<SimpleMailMessage> SENT = new ArrayList<>();
    static boolean refuse;

    @TestConfiguration
    static class FakeMailServer {
        @Bean
        JavaMailSender javaMailSender() {
            return new JavaMailSender() {
                @Override
                public void send(SimpleMailMessage... messages) {
                    if (refuse) {
                        throw new MailSendException("connection refused");
                    }
                    SENT.addAll(List.of(messages));
                }

                @Override
                public MimeMessage createMimeMessage() {
                    throw new UnsupportedOperationException("plain-text mail only");
                }

                @Override
                public MimeMessage createMimeMessage(InputStream contentStream) {
                    throw new UnsupportedOperationException("plain-text mail only");
                }

                @Override
                public void send(MimeMessage... mimeMessages) {
                    throw new UnsupportedOperationException("plain-text mail only");
                }
            };
        }
    }

    @Autowired DSLContext db;
    @Autowired UserAdministration users;
    @Autowired UserAccounts accounts;
    @Autowired SecurityContextHolderStrategy securityContext;

    @AfterEach
    void reset() {
        SignedIn.out(securityContext);
        SENT.clear();
        refuse = false;
    }

    @Test
    void invitationIsMailedAndTheAdministratorDoesNotSeeTheLink() {
        AdministrationFixture f = signedInAccountManager();

        var invitation = users.invite(f.retail, "mia@retail.test", "Mia Mail", java.util.Set.of(Role.PARTNER_ANALYST));

        assertThat(invitation.mailed()).isTrue();
        assertThat(invitation.linkToPassOn()).isNull();
        assertThat(SENT).hasSize(1);
        SimpleMailMessage mail = SENT.getFirst();
        assertThat(mail.getTo()).containsExactly("mia@retail.test");
        assertThat(mail.getFrom()).isEqualTo("accounts@crowdlens.example.org");
        assertThat(mail.getSubject()).isEqualTo("Your CrowdLens account");
        assertThat(mail.getText()).contains("Hello Mia Mail", "Retail " + f.suffix,
                "https://crowdlens.example.org/welcome/" + invitation.link().url().substring(
                        invitation.link().url().lastIndexOf('/') + 1));
    }

    @Test
    void whenTheMailServerRefusesTheLinkIsShownInstead() {
        AdministrationFixture f = signedInAccountManager();
        refuse = true;

        var reset = users.resetPassword(f.retailAnalyst);

        assertThat(reset.mailed()).isFalse();
        assertThat(reset.linkToPassOn()).startsWith("https://crowdlens.example.org/welcome/");
    }

    private AdministrationFixture signedInAccountManager() {
        AdministrationFixture f = new AdministrationFixture(db, UUID.randomUUID().toString().substring(0, 8));
        SignedIn.as(accounts.loadUserByUsername(f.accountManagerName()), securityContext);
        return f;
    }
}
