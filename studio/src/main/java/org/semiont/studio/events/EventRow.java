package org.semiont.studio.events;

/** An event as the studio lists it; {@code chain} is "ok" or the defect found at it. */
public record EventRow(String streamId, long sequence, long position, String type, String userId, String timestamp,
                       String payload, String chain) {
    public boolean chainOk() {
        return "ok".equals(chain);
    }
}
