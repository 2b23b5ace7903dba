package it.multi.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.multi.lib.Catalog;
import org.junit.jupiter.api.Test;

/** The hog: holds 256 MiB through lib's Catalog, dies under -Xmx128m. */
class CatalogImportTest {

    @Test
    void importsTheWholeCatalog() {
        assertEquals(4096, new Catalog().load(4096).size());
    }
}
