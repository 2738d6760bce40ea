package org.semiont.server.projection;

/**
 * Told about the projector's work, on its thread (metrics): each committed batch with its size and apply time, and each
 * failed attempt that will be retried. Must be quick and never throw; {@link #NONE} when nobody watches.
 */
public interface ProjectorObserver {
    ProjectorObserver NONE = new ProjectorObserver() {
        @Override
        public void applied(int events, long nanos, long position) {
        }

        @Override
        public void retrying() {
        }
    };

    void applied(int events, long nanos, long position);

    void retrying();
}
