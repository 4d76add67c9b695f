package io.github.srboot.test.streamload;

/**
 * The part a stub listener plays: a StarRocks FE (redirects loads), BE (executes them), or the Kubernetes
 * operator's FE proxy (follows the FE's redirects itself).
 */
public enum StubRole {

    /** Frontend: health, load state, and the 307 redirect of loads to a BE. */
    FRONTEND,

    /** Backend: executes loads and transactions, serves error logs. */
    BACKEND,

    /** The operator's FE proxy (nginx): passes requests to an FE and follows its 307s itself. */
    PROXY

}
