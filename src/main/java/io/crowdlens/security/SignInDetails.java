package io.crowdlens.security;

import jakarta.servlet.http.HttpServletRequest;
import java.io.Serializable;
import org.springframework.security.authentication.AuthenticationDetailsSource;

/**
 * What a sign-in attempt carries beside the credentials: the client address (resolved by
 * {@link ClientAddresses}) and whether a person typed it into the sign-in page (interactive) or a
 * script sent HTTP Basic credentials to an operations endpoint.
 */
public record SignInDetails(String clientAddress, boolean interactive) implements Serializable {

    public static AuthenticationDetailsSource<HttpServletRequest, SignInDetails> source(ClientAddresses addresses,
            boolean interactive) {
        return request -> new SignInDetails(addresses.of(request), interactive);
    }
}
