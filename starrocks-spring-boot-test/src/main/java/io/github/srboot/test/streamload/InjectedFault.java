package io.github.srboot.test.streamload;

/**
 * A fault the stub injected, for assertions and for reading a failed run.
 *
 * @param role where it was injected
 * @param port the port of the listener that injected it
 * @param fault the fault
 * @param label the label of the load it hit, or {@code null} when the request carried none
 */
public record InjectedFault(StubRole role, int port, Fault fault, String label) {
}
