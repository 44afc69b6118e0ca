package io.crowdlens.figures;

/**
 * What the gate needs to know of any answer: how many figures it shows and how many it hides (for the
 * audit record and for blocking an answer that would show nothing).
 */
public interface Answer {

    int shownFigures();

    int hiddenFigures();
}
