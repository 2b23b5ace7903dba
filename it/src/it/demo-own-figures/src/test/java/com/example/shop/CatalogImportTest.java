package com.example.shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The planted hog: imports the whole supplier catalog into memory at once, about 450 MiB of products. Fine on a
 * laptop's default heap; under CI's -Xmx256m the fork dies with OutOfMemoryError.
 */
class CatalogImportTest {

    @Test
    void importsTheWholeSupplierCatalog() {
        List<Product> catalog = new ArrayList<>();
        for (int i = 0; i < 900; i++) {
            byte[] image = new byte[512 * 1024]; // each product carries its picture
            image[0] = (byte) i;
            catalog.add(new Product("SKU-" + i, "product " + i + " " + image.length, Money.of("1.00", "EUR"), i));
            pictures.add(image);
        }
        assertEquals(900, catalog.size());
    }

    private final List<byte[]> pictures = new ArrayList<>();
}
