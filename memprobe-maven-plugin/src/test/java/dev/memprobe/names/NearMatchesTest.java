package dev.memprobe.names;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NearMatchesTest {

    private static final List<String> CLASSES = List.of(
            "com.example.shop.CartTest",
            "com.example.shop.CatalogImportTest",
            "com.example.shop.InventoryTest",
            "com.example.shop.InvoiceRendererTest",
            "com.example.shop.MoneyTest",
            "com.example.shop.OrderServiceTest");

    @ParameterizedTest(name = "\"{0}\" is near {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "com.example.shop.CartTset          | com.example.shop.CartTest",
                "CartTest                           | com.example.shop.CartTest",
                "carttest                           | com.example.shop.CartTest",
                "com/example/shop/MoneyTest.java    | com.example.shop.MoneyTest",
                "com.example.shop.MoneyTest.class   | com.example.shop.MoneyTest",
                "com.example.store.OrderServiceTest | com.example.shop.OrderServiceTest",
                "CatalogImportTests                 | com.example.shop.CatalogImportTest",
            })
    void suggestsTheClassMeant(String typed, String meant) {
        assertThat(NearMatches.of(typed, CLASSES, 3)).containsExactly(meant);
    }

    @Test
    void suggestsNothingWhenNothingIsClose() {
        assertThat(NearMatches.of("com.example.shop.PaymentGatewayTest", CLASSES, 3))
                .isEmpty();
    }

    @Test
    void listsTheClosestFirstThenByNameUpToTheLimit() {
        List<String> candidates = List.of("a.Bbbb", "a.Abbb", "a.Bbbx", "a.Cccc", "a.Bbxx");

        assertThat(NearMatches.of("Bbbb", candidates, 3)).containsExactly("a.Bbbb", "a.Abbb", "a.Bbbx");
        assertThat(NearMatches.of("Bbbb", candidates, 10)).containsExactly("a.Bbbb", "a.Abbb", "a.Bbbx", "a.Bbxx");
    }

    @ParameterizedTest(name = "{0} to {1}: {2}")
    @CsvSource({"'', abc, 3", "abc, '', 3", "kitten, sitting, 3", "same, same, 0", "flaw, lawn, 2"})
    void measuresTheEditDistance(String a, String b, int distance) {
        assertThat(NearMatches.distance(a, b)).isEqualTo(distance);
        assertThat(NearMatches.distance(b, a)).isEqualTo(distance);
    }
}
