package com.example.shop;

/** A product of the catalog. */
public record Product(String sku, String name, Money price, int stock) {}
