package org.semiont.events;

/** Stable codes of event-log failures; never reused for another meaning. */
public enum EventsError {
    INVALID_STREAM_ID,
    INVALID_EVENT,
    STREAM_VERSION_CONFLICT,
    STREAM_NOT_FOUND,
    STREAM_EXISTS,
    CORRUPT_LOG,
    LOG_FAILED,
    LOG_CLOSED,
    IO_FAILURE,
    IMPORT_SOURCE_INVALID,
    INVALID_OPTIONS
}
