package io.crowdlens.security.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import io.crowdlens.security.TwoFactorEnrolment;
import java.util.Base64;

/** The QR code to scan, with the secret as text for typing in by hand. */
class QrImage extends Div {

    QrImage(TwoFactorEnrolment enrolment) {
        Image qr = new Image("data:image/png;base64," + Base64.getEncoder().encodeToString(enrolment.qrPng()),
                "QR code for your authenticator app");
        qr.setId("totp-qr");
        qr.setWidth("220px");
        qr.setHeight("220px");
        Span secret = new Span(enrolment.groupedSecret());
        secret.setId("totp-secret");
        secret.getStyle().set("font-family", "monospace").set("font-size", "var(--lumo-font-size-l)");
        add(new Paragraph("Scan this code with an authenticator app (for example Google Authenticator, "
                + "Microsoft Authenticator, FreeOTP or 1Password), or type the key in by hand:"), qr,
                new Paragraph(secret));
    }
}
