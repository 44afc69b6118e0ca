package io.crowdlens.pipeline.engine;

/**
 * Where the trino engine runs and keeps a run's scratch space (crowdlens.pipeline.trino.*, see docs/pipeline.md).
 *
 * @param url JDBC URL of the coordinator, e.g. {@code jdbc:trino://trino.example:8443?SSL=true}
 * @param user the pipeline's Trino user (scratch schemas should be readable by it alone)
 * @param password empty for none; Trino accepts a password over HTTPS only
 * @param scratchCatalog a catalog that can create schemas and tables with {@code timestamp with time zone}
 *     columns and row-level DELETE (Iceberg): each run makes a schema {@code crowdlens_run_<random>} there
 * @param scratchLocation empty to let the catalog choose; otherwise the parent location of each run's
 *     schema, for catalogs without a default (e.g. {@code s3://lake/crowdlens-scratch})
 * @param keyCatalog a catalog whose tables live in the workers' memory only (the memory connector): it
 *     holds the run's re-keying secret, so the secret is never written to storage
 */
public record TrinoConnection(String url, String user, String password, String scratchCatalog, String scratchLocation,
        String keyCatalog) {

    public TrinoConnection {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("the trino engine needs crowdlens.pipeline.trino.url (jdbc:trino://host:port)");
        }
        user = user == null || user.isBlank() ? "crowdlens" : user;
        password = password == null ? "" : password;
        scratchCatalog = scratchCatalog == null || scratchCatalog.isBlank() ? "iceberg" : scratchCatalog;
        scratchLocation = scratchLocation == null ? "" : scratchLocation.replaceAll("/+$", "");
        keyCatalog = keyCatalog == null || keyCatalog.isBlank() ? "memory" : keyCatalog;
    }

    @Override
    public String toString() {
        return "TrinoConnection[" + url + ", user " + user + ", scratch " + scratchCatalog + ", key " + keyCatalog + "]";
    }
}
