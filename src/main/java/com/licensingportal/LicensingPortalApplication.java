package com.licensingportal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
// The portal's settings: the *Properties records beside the features that use them, validated at start-up.
@ConfigurationPropertiesScan
public class LicensingPortalApplication {

	public static void main(String[] args) {
		SpringApplication.run(LicensingPortalApplication.class, args);
	}

}
