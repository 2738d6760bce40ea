package org.semiont.server.web;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Tells the observer when each exchange starts and ends, event streams included (they end when the client leaves). */
final class InFlightRequests extends Handler.Wrapper {
    private final RequestObserver observer;

    InFlightRequests(RequestObserver observer) {
        this.observer = observer;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        observer.started();
        boolean handled = false;
        try {
            handled = super.handle(request, response, new Callback() {
                @Override
                public void succeeded() {
                    try {
                        callback.succeeded();
                    } finally {
                        observer.ended();
                    }
                }

                @Override
                public void failed(Throwable x) {
                    try {
                        callback.failed(x);
                    } finally {
                        observer.ended();
                    }
                }

                @Override
                public InvocationType getInvocationType() {
                    return callback.getInvocationType();
                }
            });
            return handled;
        } finally {
            if (!handled) {
                observer.ended();
            }
        }
    }
}
