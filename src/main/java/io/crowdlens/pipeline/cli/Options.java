package io.crowdlens.pipeline.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code --name value} pairs after a command's words. */
public final class Options {

    private final Map<String, String> values = new HashMap<>();

    private Options() {
    }

    static Options parse(List<String> arguments) {
        Options options = new Options();
        for (int i = 0; i < arguments.size(); i++) {
            String name = arguments.get(i);
            if (!name.startsWith("--") || name.length() == 2) {
                throw new UsageException("unexpected argument '" + name + "'");
            }
            if (i + 1 >= arguments.size() || arguments.get(i + 1).startsWith("--")) {
                throw new UsageException("option " + name + " needs a value");
            }
            options.values.put(name.substring(2), arguments.get(++i));
        }
        return options;
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public String required(String name) {
        return get(name).orElseThrow(() -> new UsageException("option --" + name + " is required"));
    }

    public Optional<Integer> integer(String name) {
        return get(name).map(v -> {
            try {
                return Integer.parseInt(v);
            } catch (NumberFormatException e) {
                throw new UsageException("option --" + name + " needs a whole number, not '" + v + "'");
            }
        });
    }

    /** Refuses options the command does not know, so a typo is not silently ignored. */
    public void allowOnly(String... names) {
        for (String given : values.keySet()) {
            if (!List.of(names).contains(given)) {
                throw new UsageException("unknown option --" + given);
            }
        }
    }

    /** Wrong usage of a command: exit code 2 with the message and the command's usage. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
