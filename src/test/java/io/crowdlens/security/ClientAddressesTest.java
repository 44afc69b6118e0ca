package io.crowdlens.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** X-Forwarded-For is believed only from a configured proxy, and then read from the right. */
class ClientAddressesTest {

    static AccountSecuritySettings settings(List<String> proxies) {
        return new AccountSecuritySettings(10, 30, Duration.ofMinutes(15), proxies, Set.of(Role.ACCOUNT_MANAGER),
                Duration.ofMinutes(5), Duration.ofHours(72), Duration.ofHours(24), Duration.ofHours(12), 5, 10, 3,
                Duration.ofHours(1));
    }

    static MockHttpServletRequest from(String peer, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setRemoteAddr(peer);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    @Test
    void aSpoofedForwardedForHeaderIsIgnoredWithoutATrustedProxy() {
        ClientAddresses addresses = new ClientAddresses(settings(List.of()));
        assertThat(addresses.of(from("203.0.113.7", "198.51.100.1"))).isEqualTo("203.0.113.7");
    }

    @Test
    void behindATrustedProxyTheRightmostUntrustedHopIsTheClient() {
        ClientAddresses addresses = new ClientAddresses(settings(List.of("10.0.0.0/8")));
        // the client forged the first entry; the proxy appended the real peer it saw
        assertThat(addresses.of(from("10.0.0.5", "1.2.3.4, 203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("10.0.0.5", "203.0.113.7, 10.0.0.9"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("10.0.0.5", null))).isEqualTo("10.0.0.5");
        assertThat(addresses.of(from("10.0.0.5", "evil.example, 203.0.113.7"))).isEqualTo("203.0.113.7");
        assertThat(addresses.of(from("10.0.0.5", "203.0.113.7, not-an-address"))).isEqualTo("10.0.0.5");
    }

    @Test
    void aProxyOutsideTheTrustedRangeIsNotBelieved() {
        ClientAddresses addresses = new ClientAddresses(settings(List.of("10.0.0.0/8")));
        assertThat(addresses.of(from("192.0.2.50", "203.0.113.7"))).isEqualTo("192.0.2.50");
    }

    @Test
    void ipv6ClientsAreThrottledPerSlash64() {
        ClientAddresses addresses = new ClientAddresses(settings(List.of()));
        assertThat(addresses.of(from("2001:db8:1:2:aaaa::1", null)))
                .isEqualTo(addresses.of(from("2001:db8:1:2:bbbb::9", null)))
                .isEqualTo("2001:db8:1:2::/64");
        assertThat(addresses.of(from("2001:db8:1:3::1", null))).isNotEqualTo("2001:db8:1:2::/64");
    }
}
