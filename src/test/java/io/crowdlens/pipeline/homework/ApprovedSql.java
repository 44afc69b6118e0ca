package io.crowdlens.pipeline.homework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jooq.DSLContext;
import org.jooq.Query;

/**
 * Approval of rendered SQL (as in presence's RenderedSqlIsApprovedTest): the text must equal
 * src/test/resources/approved/NAME; on a difference the new rendering is written to
 * target/approval/NAME to compare, and copied over the approved file once it is right.
 */
public final class ApprovedSql {

    private ApprovedSql() {
    }

    public static String section(DSLContext dsl, String title, Query query) {
        return "-- " + title + "\n" + dsl.render(query) + ";\n\n";
    }

    public static void assertApproved(String name, String rendered) {
        try {
            Path approved = Path.of("src/test/resources/approved", name);
            String expected = Files.exists(approved) ? Files.readString(approved, StandardCharsets.UTF_8) : "";
            if (!rendered.equals(expected)) {
                Path received = Files.createDirectories(Path.of("target/approval")).resolve(name);
                Files.writeString(received, rendered, StandardCharsets.UTF_8);
            }
            assertThat(rendered).as("rendered SQL differs from %s (new rendering in target/approval/%s)", approved, name)
                    .isEqualTo(expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
