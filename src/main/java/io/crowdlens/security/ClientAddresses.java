package io.crowdlens.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import org.springframework.stereotype.Component;

/**
 * The client address a request came from, for throttling and the audit trail. X-Forwarded-For is
 * trivially forged, so it is believed only when the direct peer is a configured trusted proxy, and
 * then read from the right: the first address that is not itself a trusted proxy is the client.
 * IPv6 clients are keyed by their /64, since one host usually owns a whole /64.
 */
@Component
public class ClientAddresses {

    private final List<IpAddressMatcher> trustedProxies = new ArrayList<>();

    public ClientAddresses(AccountSecuritySettings settings) {
        settings.trustedProxies().forEach(p -> trustedProxies.add(new IpAddressMatcher(p.trim())));
    }

    public String of(HttpServletRequest request) {
        String peer = request.getRemoteAddr();
        if (isTrustedProxy(peer)) {
            String forwarded = request.getHeader("X-Forwarded-For");
            if (forwarded != null && !forwarded.isBlank()) {
                String[] hops = forwarded.split(",");
                for (int i = hops.length - 1; i >= 0; i--) {
                    String hop = hops[i].trim();
                    if (!isLiteralAddress(hop)) {
                        break; // garbage in the header: stop trusting it here, use the last good hop
                    }
                    peer = hop;
                    if (!isTrustedProxy(hop)) {
                        break;
                    }
                }
            }
        }
        return throttlingKey(peer);
    }

    private boolean isTrustedProxy(String address) {
        if (!isLiteralAddress(address)) {
            return false;
        }
        return trustedProxies.stream().anyMatch(m -> m.matches(address));
    }

    /** Only literal IPv4/IPv6 addresses; never a host name (which would trigger a DNS lookup). */
    static boolean isLiteralAddress(String s) {
        if (s == null || s.isEmpty() || s.length() > 45 || !s.matches("[0-9a-fA-F:.]+")) {
            return false;
        }
        boolean ipv4 = s.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = s.indexOf(':') != s.lastIndexOf(':');
        return ipv4 || ipv6;
    }

    static String throttlingKey(String address) {
        if (address == null || !address.contains(":")) {
            return address == null ? "unknown" : address;
        }
        try {
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length == 16) {
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    sb.append(Integer.toHexString(((bytes[i] & 0xff) << 8) | (bytes[i + 1] & 0xff))).append(':');
                }
                return sb.append(":/64").toString();
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
