package io.github.srboot.test.streamload;

/**
 * The part a stub listener plays: a StarRocks FE (redirects loads) or BE (executes them).
 */
public enum StubRole {

    /** Frontend: health, load state, and the 307 redirect of loads to a BE. */
    FRONTEND,

    /** Backend: executes loads and transactions, serves error logs. */
    BACKEND

}
