"""A traveller's flight confirmation and itinerary (s52 trial), shared by the tests of times
asked, of compounds with a particle and of identifiers never named."""

FLIGHT = """Subject: Your booking confirmation - reference QX7T2L

Dear Hannah Weber,

Thank you for booking with SkyLink Airways. Your booking reference is QX7T2L.

Outbound flight SL 482
London Gatwick (LGW) to Lisbon (LIS)
Departs Friday 20 November 2026 at 07:35, arrives 10:20 local time.

Return flight SL 487
Lisbon (LIS) to London Gatwick (LGW)
Departs Tuesday 24 November 2026 at 18:50, arrives 21:30 local time.
"""

ITINERARY = """# Lisbon trip, 20–24 November 2026

## Friday 20 November
- Land at 10:20, take the metro to Baixa-Chiado.
- Afternoon: walk around Alfama and the Sé cathedral.
- Dinner booked at Taberna da Rua at 20:00.

## Saturday 21 November
- Day trip to Sintra: train from Rossio station, every 20 minutes, about 40 minutes each way.
- Visit Pena Palace (tickets booked for 11:30).

## Sunday 22 November
- Morning: Belém tower and the Jerónimos monastery.
- Pastéis de Belém for lunch.

## Monday 23 November
- Evening: fado show at 21:30 in Mouraria.

## Tuesday 24 November
- Check out by 11:00, leave bags at the hotel, flight at 18:50.
"""
