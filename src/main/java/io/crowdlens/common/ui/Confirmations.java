package io.crowdlens.common.ui;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** Destructive administrative changes are confirmed first, saying what will happen. */
public final class Confirmations {

    private Confirmations() {
    }

    public static void confirm(String header, String text, String action, Runnable onConfirm) {
        ConfirmDialog dialog = new ConfirmDialog(header, text, action, e -> onConfirm.run());
        dialog.setId("confirm-dialog");
        dialog.setCancelable(true);
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }
}
