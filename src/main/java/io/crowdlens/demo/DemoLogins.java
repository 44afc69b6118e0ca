package io.crowdlens.demo;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** The demo accounts of this run, held in memory only (the database keeps just the hashes). */
@Component
public class DemoLogins {

    private final List<DemoAccount> accounts = new CopyOnWriteArrayList<>();

    void replaceWith(List<DemoAccount> fresh) {
        accounts.clear();
        accounts.addAll(fresh);
    }

    public List<DemoAccount> all() {
        return List.copyOf(accounts);
    }

    public Optional<DemoAccount> byUsername(String username) {
        return accounts.stream().filter(a -> a.username().equals(username)).findFirst();
    }
}
