package it.ng;

import static org.testng.Assert.assertEquals;

import org.testng.annotations.DataProvider;
import org.testng.annotations.Test;

public class CalculatorTest {

    @DataProvider
    public Object[][] sums() {
        return new Object[][] {{1, 1, 2}, {2, 3, 5}};
    }

    @Test(dataProvider = "sums")
    public void adds(int a, int b, int sum) {
        assertEquals(a + b, sum);
    }
}
