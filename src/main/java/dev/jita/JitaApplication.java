package dev.jita;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@EnableScheduling
public class JitaApplication {
    public static void main(String[] args) {
        SpringApplication.run(JitaApplication.class, args);
    }
}
