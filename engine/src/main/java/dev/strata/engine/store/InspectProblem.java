package dev.strata.engine.store;

/**
 * One problem {@link StoreInspector#verify} found: what is wrong, where (the segment, its file or
 * object, the byte offset) and how bad it is.
 *
 * @param severity   {@link Severity#ERROR} for corrupt or inconsistent data, {@link Severity#WARNING}
 *                   for what the next open repairs or discards by design (a torn WAL tail, an orphan)
 * @param location   the segment and the file, device or object that holds it, or the metadata slot
 * @param segmentId  the tier segment id, or -1 for the metadata slot and the store as a whole
 * @param offset     the byte offset within the segment (or slot), or -1 if the problem has no position
 * @param fileOffset the same position within the segment's file on the file tier ({@code offset} plus
 *                   the 4096-byte file header), or -1 on other tiers
 * @param message    what was found and what was expected
 */
public record InspectProblem(Severity severity, String location, long segmentId, long offset, long fileOffset, String message) {
    /** How bad a problem is. */
    public enum Severity {
        /** Data is corrupt or inconsistent: opening the store fails, or returns less than was written. */
        ERROR,
        /** The next open repairs or discards this by design; nothing acknowledged is lost. */
        WARNING
    }

    /** @return {@code true} if this is an {@link Severity#ERROR} */
    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** @return one line: severity, location, offset, message */
    @Override
    public String toString() {
        final StringBuilder b = new StringBuilder(severity == Severity.ERROR ? "ERROR   " : "WARNING ").append(location);
        if (offset >= 0) {
            b.append(" at offset ").append(offset);
            if (fileOffset >= 0) {
                b.append(" (file offset ").append(fileOffset).append(')');
            }
        }
        return b.append(": ").append(message).toString();
    }
}
