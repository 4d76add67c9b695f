package com.example.shop;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the README's Spring Boot test examples start ({@code @SpringBootTest} finds it in this package):
 * the starter's auto-configuration and nothing of the sample.
 */
@SpringBootApplication
class ShopTestApplication {
}
