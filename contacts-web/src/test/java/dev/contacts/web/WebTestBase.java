package dev.contacts.web;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * One application context for every test class of the module (Spring caches it): the web app
 * on a random port over an in-memory H2 database with 200 demo contacts, and MockMvc.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:contacts-web-tests;DB_CLOSE_DELAY=-1",
    "contacts.web.demo.size=200"})
@AutoConfigureMockMvc
abstract class WebTestBase {
}
