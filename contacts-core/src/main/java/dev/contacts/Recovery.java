package dev.contacts;

/**
 * What {@link Contacts#recover()} did.
 *
 * @param completedWrites multi-step store writes interrupted by a crash and now completed (always 0 on stores
 *                        whose writes are transactional, such as the in-memory and JPA stores)
 * @param deletedBlobs    attachment blobs deleted because their message was never stored or no longer exists
 */
public record Recovery(long completedWrites, long deletedBlobs) {
}
