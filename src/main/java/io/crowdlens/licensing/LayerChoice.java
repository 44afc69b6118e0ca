package io.crowdlens.licensing;

/** A layer of predefined areas a licence can cover. */
public record LayerChoice(String code, String name, String kind, int areas) {
}
