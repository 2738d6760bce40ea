package org.semiont.server.web;

/**
 * Told about every HTTP request (metrics): when it starts and, once answered, its method, route template (never the
 * raw path: ids would make a series each), status and duration. Quick and never throwing; {@link #NONE} when nobody
 * watches, so the server installs nothing.
 */
public interface RequestObserver {
    RequestObserver NONE = new RequestObserver() {
        @Override
        public void started() {
        }

        @Override
        public void ended() {
        }

        @Override
        public void answered(String method, String route, int status, long nanos) {
        }
    };

    /** A request reached the server (counted in flight until {@link #ended}). */
    void started();

    /** The request's exchange is over, whatever its outcome. */
    void ended();

    void answered(String method, String route, int status, long nanos);
}
