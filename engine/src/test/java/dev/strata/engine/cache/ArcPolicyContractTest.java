package dev.strata.engine.cache;

/** {@link ArcPolicy} against the contract's invariants (no simple exact model; see {@code ArcPolicyTest}). */
class ArcPolicyContractTest extends EvictionPolicyContract {
    @Override
    protected EvictionPolicy create(final int capacity) {
        return new ArcPolicy(capacity);
    }

    @Override
    protected Model model(final int capacity) {
        return null;
    }
}
