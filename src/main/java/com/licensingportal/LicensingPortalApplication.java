package com.licensingportal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class LicensingPortalApplication {

	public static void main(String[] args) {
		SpringApplication.run(LicensingPortalApplication.class, args);
	}

}
