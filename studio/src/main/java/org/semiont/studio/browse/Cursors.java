package org.semiont.studio.browse;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.semiont.studio.StudioError;
import org.semiont.studio.StudioException;

/** Keyset cursors and row keys in URLs: a JSON array of text values, base64url. Values only; no SQL travels. */
public final class Cursors {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Cursors() {
    }

    public static String encode(List<String> values) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(JSON.writeValueAsBytes(values));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static List<String> decode(String token) {
        if (token == null || token.isEmpty()) {
            return List.of();
        }
        try {
            List<String> out = new ArrayList<>();
            for (var n : JSON.readTree(Base64.getUrlDecoder().decode(token))) {
                out.add(n.isNull() ? null : n.asText());
            }
            return out;
        } catch (Exception e) {
            throw new StudioException(StudioError.INVALID_REQUEST, "The page cursor or row key in the address is damaged; "
                    + "open the model again from the list");
        }
    }
}
