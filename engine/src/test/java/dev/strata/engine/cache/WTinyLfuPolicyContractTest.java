package dev.strata.engine.cache;

/** {@link WTinyLfuPolicy} against the contract's invariants (no simple exact model; see {@code WTinyLfuPolicyTest}). */
class WTinyLfuPolicyContractTest extends EvictionPolicyContract {
    @Override
    protected EvictionPolicy create(final int capacity) {
        return new WTinyLfuPolicy(capacity);
    }

    @Override
    protected Model model(final int capacity) {
        return null;
    }
}
